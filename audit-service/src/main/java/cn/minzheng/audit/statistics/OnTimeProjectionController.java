package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.ProjectionStateView;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The on-time projection's state and its rebuild on demand (issue 20 item 7): AUDITOR and ADMIN read
 * the state, only ADMIN starts a rebuild (202, progress on the state resource).
 */
@RestController
@RequestMapping("/api/v1/audit/projections/on-time")
public class OnTimeProjectionController {

    static final String STATE = "/api/v1/audit/projections/on-time";

    private final OnTimeProjectionAdmin admin;

    public OnTimeProjectionController(OnTimeProjectionAdmin admin) {
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
