package cn.minzheng.bench.measure;

/** A figure's goal on the reference machine: at least or at most a threshold. */
public record Target(Direction direction, double threshold, String text) {

    public enum Direction { AT_LEAST, AT_MOST }

    public static Target atLeast(double threshold, String text) {
        return new Target(Direction.AT_LEAST, threshold, text);
    }

    public static Target atMost(double threshold, String text) {
        return new Target(Direction.AT_MOST, threshold, text);
    }

    public boolean metBy(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return direction == Direction.AT_LEAST ? value >= threshold : value <= threshold;
    }
}
