package cn.minzheng.audit.timeline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 全过程记录: every event of one case or organization, in order, with who, in which role, when,
 * why and the status before and after. Reading it is itself recorded in the trail; those read
 * records are shown only with {@code ?includeReads=true} (who looked at this case).
 *
 * <p>Confirmed against the chain ({@link TimelineIntegrity}): each entry carries {@code integrity}
 * (its hash and record MAC checked) and {@code indexed}; the answer's {@code integrity} names every
 * record the subjects index lists but the trail lacks, every record of the subject the index hides,
 * and every entry whose MAC fails. Who may read it: {@link TimelineQuery}.
 */
@RestController
@RequestMapping("/api/v1/audit/timeline")
public class TimelineController {

    private final TimelineQuery timelines;
    private final OrganizationTimelineQuery organizations;

    public TimelineController(TimelineQuery timelines, OrganizationTimelineQuery organizations) {
        this.timelines = timelines;
        this.organizations = organizations;
    }

    /**
     * One organization's timeline across its applications, reports and cases, by its credit code
     * (统一社会信用代码) or organization id ({@link OrganizationTimelineQuery}).
     */
    @GetMapping("/organizations/{key}")
    public Mono<OrganizationTimelineView> organization(@PathVariable String key,
            @RequestParam(name = "includeReads", defaultValue = "false") boolean includeReads) {
        return organizations.read(TimelineRequest.parseOrganization(key, includeReads));
    }

    @GetMapping("/{subject}")
    public Mono<TimelineView> timeline(@PathVariable String subject,
            @RequestParam(name = "includeReads", defaultValue = "false") boolean includeReads) {
        return timelines.read(TimelineRequest.parse(subject, includeReads));
    }
}
