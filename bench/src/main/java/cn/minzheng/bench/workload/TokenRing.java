package cn.minzheng.bench.workload;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Hands out tokens round-robin so the load spreads over many subjects, as real users' would. */
final class TokenRing {

    private final List<String> tokens;
    private final AtomicLong next = new AtomicLong();

    TokenRing(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no tokens");
        }
        this.tokens = List.copyOf(tokens);
    }

    String next() {
        return tokens.get((int) Math.floorMod(next.getAndIncrement(), tokens.size()));
    }
}
