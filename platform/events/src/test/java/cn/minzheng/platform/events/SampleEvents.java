package cn.minzheng.platform.events;

import java.time.Instant;

/** Events the tests share. */
final class SampleEvents {

    static final Instant TIME = Instant.parse("2026-03-02T01:30:15.123456789Z");
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private SampleEvents() {
    }

    /** 低保 approved for a household in 随州市曾都区, with Chinese text in the data. */
    static EventEnvelope approved() {
        return EventEnvelope.builder(EventTypes.APPLICATION_APPROVED)
                .id("3f1c2a9e-8b7d-4c1e-9f0a-1b2c3d4e5f60")
                .subject("DB-421303-20260302-0007")
                .time(TIME)
                .actor("clerk-0042", "APPROVER")
                .regionCode("421303001001")
                .aggregateVersion(7)
                .traceparent(TRACEPARENT)
                .data(EventData.of("DB-421303-20260302-0007", "application")
                        .transition("PUBLICITY_COMPLETED", "APPROVED")
                        .reason("人均收入低于当地低保标准（随州市曾都区 2023：城市 680 元/人·月）")
                        .change("monthlyAmountFen", 136000)
                        .put("monthlyAmountFen", 136000)
                        .put("calculation", java.util.Map.of("standardFen", 68000, "members", 2)))
                .build();
    }
}
