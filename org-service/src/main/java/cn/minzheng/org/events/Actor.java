package cn.minzheng.org.events;

/** Who caused a change and in which role; {@link #system()} for sweeps and timers. */
public record Actor(String id, String role) {
    public static Actor system() {
        return new Actor("system", "SYSTEM");
    }
}
