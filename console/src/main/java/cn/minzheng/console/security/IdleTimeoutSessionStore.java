package cn.minzheng.console.security;

import java.time.Duration;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.core.publisher.Mono;

/** Server-side sessions (the user's tokens live only here) that end after the configured idle time. */
final class IdleTimeoutSessionStore extends InMemoryWebSessionStore {

    private final Duration idleTimeout;

    IdleTimeoutSessionStore(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return super.createWebSession().doOnNext(session -> session.setMaxIdleTime(idleTimeout));
    }
}
