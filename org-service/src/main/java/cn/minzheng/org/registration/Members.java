package cn.minzheng.org.registration;

/** Member counts of a 社会团体: individual members and unit (organization) members. */
public record Members(int individuals, int units) {
    public int total() {
        return individuals + units;
    }
}
