package cn.minzheng.audit.projection;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The record-count projection's state and its rebuild on demand (issue 20 item 7): AUDITOR and ADMIN
 * read the state, only ADMIN starts a rebuild (202, progress on the state resource).
 */
@RestController
@RequestMapping("/api/v1/audit/projections/record-counts")
public class ProjectionController {

    static final String STATE = "/api/v1/audit/projections/record-counts";

    private final RecordCountAdmin admin;

    public ProjectionController(RecordCountAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    public Mono<ProjectionStateView> state() {
        return admin.view();
    }

    /** Starts a rebuild (or joins the one under way); 202, follow {@code recordsDone} on the state. */
    @PostMapping("/rebuild")
    public Mono<ResponseEntity<ProjectionStateView>> rebuild() {
        return admin.rebuild().map(v -> ResponseEntity.accepted().location(URI.create(STATE)).body(v));
    }
}
