package cn.jiaoyun.core.assessment.scoring;

/** Where a target stands, and the colour bureaus give it (red, amber, green). */
public enum TargetStatus {
    /** Reached. */
    MET("green"),
    /** Not reached yet, but progress keeps pace with the time elapsed. */
    ON_TRACK("green"),
    /** Not reached, the deadline not passed, progress behind the time elapsed. */
    BEHIND("amber"),
    /** The deadline passed and the target is not reached. */
    NOT_MET("red"),
    /** Nothing reported yet, or the document hid the figure, so nothing can be judged. */
    NO_DATA("grey");

    private final String colour;

    TargetStatus(String colour) {
        this.colour = colour;
    }

    public String colour() {
        return colour;
    }
}
