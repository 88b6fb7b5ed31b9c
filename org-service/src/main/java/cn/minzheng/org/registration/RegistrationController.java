package cn.minzheng.org.registration;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.org.registration.RegistrationRequests.ChangeBody;
import cn.minzheng.org.registration.RegistrationRequests.DeregistrationBody;
import cn.minzheng.org.registration.RegistrationRequests.FoundingRequest;
import cn.minzheng.org.registration.RegistrationRequests.RefusalBody;
import cn.minzheng.org.registration.RegistrationRequests.ResubmissionBody;
import cn.minzheng.org.registration.RegistrationRequests.RevocationBody;
import cn.minzheng.org.registration.RegistrationRequests.SupplementBody;
import cn.minzheng.org.registration.RegistrationViews.ApplicationView;
import cn.minzheng.org.registration.RegistrationViews.OnTimeRateView;
import cn.minzheng.org.registration.RegistrationViews.OrganizationView;
import cn.minzheng.org.registration.RegistrationViews.PublicOrganizationView;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.org.web.Page;
import cn.minzheng.org.web.Traces;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.minzheng.org.organization.OrganizationType;
import java.util.UUID;

/** 成立/变更/注销登记, 撤销, public lookup and announcements. */
@RestController
@RequestMapping("/api/v1/orgs")
public class RegistrationController {
    private final RegistrationService service;
    private final Clock clock;

    /** {@code Idempotency-Key} on the creating POSTs is handled by the service kit's filter. */
    public RegistrationController(RegistrationService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @PostMapping("/applications")
    public Mono<ResponseEntity<ApplicationView>> apply(@RequestBody FoundingRequest body,
                                                       ServerWebExchange exchange) {
        return CurrentPrincipal.require().flatMap(p -> {
            AccessPolicy.requireAnyRole(p, Role.ORG_AGENT);
            LocalDate today = LocalDate.now(clock);
            ProblemTranslation.throwIfAny(body.problems(today));
            return service.applyFounding(p, body.authorityCode(), body.particulars(today), newApplicationId(), Traces.traceparent(exchange));
        }).map(a -> created(a));
    }

    @PostMapping("/organizations/{id}/change-applications")
    public Mono<ResponseEntity<ApplicationView>> applyChange(@PathVariable String id, @RequestBody ChangeBody body,
                                                                   ServerWebExchange exchange) {
        return CurrentPrincipal.require().flatMap(p -> {
            List<FieldProblem> problems = new ArrayList<>();
            ChangeRequest change = body.toChange(LocalDate.now(clock), problems);
            ProblemTranslation.throwIfAny(problems);
            return service.applyChange(p, id, change, newApplicationId(), Traces.traceparent(exchange));
        }).map(this::created);
    }

    @PostMapping("/organizations/{id}/deregistration-applications")
    public Mono<ResponseEntity<ApplicationView>> applyDeregistration(@PathVariable String id, @RequestBody DeregistrationBody body,
                                                                                   ServerWebExchange exchange) {
        return CurrentPrincipal.require().flatMap(p -> service.applyDeregistration(p, id, new DeregistrationRequest(
                body.liquidationEndedOn(), body.reason(), body.documents()), newApplicationId(), Traces.traceparent(exchange)))
                .map(this::created);
    }

    @GetMapping("/applications/{id}")
    public Mono<ResponseEntity<ApplicationView>> application(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.application(p, id)).map(RegistrationController::ok);
    }

    /** Applications the caller may see; {@code overdue=true}: accepted and past the promised limit. */
    @GetMapping("/applications")
    public Mono<Page<ApplicationView>> applications(@RequestParam(required = false) ApplicationStatus status,
                                                    @RequestParam(required = false) Boolean overdue,
                                                    @RequestParam(required = false) String cursor,
                                                    @RequestParam(required = false) Integer size) {
        int n = Page.sizeOrRefuse(size);
        String after = Page.after(cursor);
        return CurrentPrincipal.require().flatMap(p -> service
                .applications(p, status, Boolean.TRUE.equals(overdue) ? LocalDate.now(clock) : null, after, n + 1)
                .map(ApplicationView::of).collectList()
                .map(list -> Page.slice(list, n, ApplicationView::id)));
    }

    @PostMapping("/applications/{id}/supplement-request")
    public Mono<ResponseEntity<ApplicationView>> requestSupplement(@PathVariable String id, @RequestBody(required = false) SupplementBody body,
                                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                                   ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.requestSupplement(p, id, version,
                body == null ? List.of() : body.items(), Traces.traceparent(exchange))).map(RegistrationController::ok);
    }

    @PostMapping("/applications/{id}/resubmission")
    public Mono<ResponseEntity<ApplicationView>> resubmit(@PathVariable String id, @RequestBody ResubmissionBody body,
                                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                          ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.resubmit(p, id, version, body.documents(), body.supplied(), Traces.traceparent(exchange)))
                .map(RegistrationController::ok);
    }

    @PostMapping("/applications/{id}/acceptance")
    public Mono<ResponseEntity<ApplicationView>> accept(@PathVariable String id,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.accept(p, id, version, Traces.traceparent(exchange)))
                .map(RegistrationController::ok);
    }

    @PostMapping("/applications/{id}/approval")
    public Mono<ResponseEntity<ApplicationView>> approve(@PathVariable String id,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                         ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.approve(p, id, version, Traces.traceparent(exchange)))
                .map(RegistrationController::ok);
    }

    @PostMapping("/applications/{id}/refusal")
    public Mono<ResponseEntity<ApplicationView>> refuse(@PathVariable String id, @RequestBody RefusalBody body,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.refuse(p, id, version, body.reasons(), Traces.traceparent(exchange)))
                .map(RegistrationController::ok);
    }

    @GetMapping("/organizations/{id}")
    public Mono<ResponseEntity<OrganizationView>> organization(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.organization(p, id))
                .map(s -> ResponseEntity.ok().eTag(Versions.etag(s.organization().version())).body(OrganizationView.of(s.organization())));
    }

    @PostMapping("/organizations/{id}/revocation")
    public Mono<ResponseEntity<OrganizationView>> revoke(@PathVariable String id, @RequestBody RevocationBody body,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                         ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.revoke(p, id, version, body.decisionReference(), body.reason(),
                        Traces.traceparent(exchange)))
                .map(o -> ResponseEntity.ok().eTag(Versions.etag(o.version())).body(OrganizationView.of(o)));
    }

    @GetMapping("/deadlines/on-time-rate")
    public Mono<OnTimeRateView> onTimeRate(@RequestParam String authority,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return CurrentPrincipal.require().flatMap(p -> service.onTimeRate(p, authority, from, to))
                .map(r -> new OnTimeRateView(authority, from, to, r.decided(), r.onTime(), r.perMille()));
    }

    // ---- public (公示) --------------------------------------------------------------------------

    /**
     * Lookup by credit code, or by (part of) the name. A code that cannot exist (length, a character
     * outside the GB 32100 alphabet, the check character) is a 400 saying what is wrong; a valid code
     * nobody holds is {@code []} here and 404 on the item path.
     */
    @GetMapping("/public/organizations")
    public Flux<PublicOrganizationView> lookup(@RequestParam(required = false) String creditCode,
                                               @RequestParam(required = false) String name,
                                               @RequestParam(required = false) Integer size) {
        if (creditCode != null && !creditCode.isBlank()) {
            return service.publicByCreditCode(creditCode, "/creditCode").map(PublicOrganizationView::of).flux();
        }
        if (name == null || name.strip().length() < 2) {
            return Flux.error(ProblemTranslation.invalid(new FieldProblem("/name", "TOO_SHORT", "请输入统一社会信用代码或至少两个字的名称")));
        }
        return service.publicByName(name.strip(), Page.sizeOrRefuse(size)).map(PublicOrganizationView::of);
    }

    @GetMapping("/public/organizations/{creditCode}")
    public Mono<PublicOrganizationView> byCreditCode(@PathVariable String creditCode) {
        return service.publicByCreditCode(creditCode, "/creditCode")
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("organization", creditCode)))
                .map(PublicOrganizationView::of);
    }

    /** One document a 成立登记 needs: its code (as {@code documents} takes it) and its Chinese name. */
    public record RequiredDocument(DocumentKind code, String name) {
    }

    /** The documents a 成立登记 needs, per organization type, and the regulations that name them (public, no token). */
    public record RequiredDocuments(Map<OrganizationType, List<RequiredDocument>> types, Map<OrganizationType, String> typeNames,
                                    String source) {
    }

    @GetMapping("/public/required-documents")
    public RequiredDocuments requiredDocuments() {
        RegistrationPolicy policy = service.policy();
        Map<OrganizationType, List<RequiredDocument>> types = new java.util.EnumMap<>(OrganizationType.class);
        Map<OrganizationType, String> names = new java.util.EnumMap<>(OrganizationType.class);
        for (OrganizationType t : OrganizationType.values()) {
            types.put(t, policy.requiredFor(t).stream().map(d -> new RequiredDocument(d, d.title())).toList());
            names.put(t, RegistrationPolicy.typeName(t));
        }
        return new RequiredDocuments(types, names, policy.requiredDocumentsSource());
    }

    @GetMapping("/public/announcements")
    public Flux<Announcement> announcements(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                                            @RequestParam(required = false) Integer size) {
        LocalDate from = since != null ? since : LocalDate.now(clock).minusDays(90);
        return service.announcements(from, Page.sizeOrRefuse(size));
    }

    private ResponseEntity<ApplicationView> created(RegistrationApplication a) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orgs/applications/" + a.id()))
                .eTag(Versions.etag(a.version())).body(ApplicationView.of(a));
    }

    private static ResponseEntity<ApplicationView> ok(RegistrationApplication a) {
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(ApplicationView.of(a));
    }

    private static String newApplicationId() {
        return "APP-" + UUID.randomUUID();
    }
}
