package cn.minzheng.org.creditlist;

import cn.minzheng.org.web.Traces;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/** 拟列入告知: the organization's notices, its statement, the registrar's decision on it. */
@RestController
@RequestMapping("/api/v1/orgs")
public class ListingNoticeController {
    private final ListingNoticeService service;

    public ListingNoticeController(ListingNoticeService service) {
        this.service = service;
    }

    /** 陈述 (what the organization says) and 申辩 (why it should not be listed). */
    public record ResponseBody(String statement, String reasons) {
    }

    /** The registrar's written reasons for accepting or rejecting the statement. */
    public record DecisionBody(String reasons) {
    }

    @GetMapping("/organizations/{id}/listing-notices")
    public Mono<List<ListingNotice>> ofOrganization(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.ofOrganization(p, id));
    }

    @GetMapping("/listing-notices/{id}")
    public Mono<ResponseEntity<ListingNotice>> notice(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> service.notice(p, id)).map(o -> ok(o.notice()));
    }

    @PostMapping("/listing-notices/{id}/response")
    public Mono<ResponseEntity<ListingNotice>> respond(@PathVariable String id, @RequestBody ResponseBody body,
                                                       @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.respond(p, id, version, body.statement(), body.reasons(), Traces.traceparent(exchange)))
                .map(ListingNoticeController::ok);
    }

    @PostMapping("/listing-notices/{id}/acceptance")
    public Mono<ResponseEntity<ListingNotice>> accept(@PathVariable String id, @RequestBody DecisionBody body,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.accept(p, id, version, body.reasons(), Traces.traceparent(exchange)))
                .map(ListingNoticeController::ok);
    }

    @PostMapping("/listing-notices/{id}/rejection")
    public Mono<ResponseEntity<ListingNotice>> reject(@PathVariable String id, @RequestBody DecisionBody body,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch, ServerWebExchange exchange) {
        long version = Versions.parseIfMatch(ifMatch);
        return CurrentPrincipal.require().flatMap(p -> service.reject(p, id, version, body.reasons(), Traces.traceparent(exchange)))
                .map(ListingNoticeController::ok);
    }

    private static ResponseEntity<ListingNotice> ok(ListingNotice n) {
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(n);
    }
}
