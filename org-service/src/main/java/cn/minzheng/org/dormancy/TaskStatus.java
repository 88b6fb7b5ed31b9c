package cn.minzheng.org.dormancy;

/** An inspection task: open until the inspector closes it with findings. */
public enum TaskStatus {
    OPEN, CLOSED
}
