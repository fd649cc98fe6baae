package cn.jiaoyun.plugin.api;

/**
 * The caller's mistake, answered as {@code application/problem+json} with the status and the
 * message in the caller's language. Thrown from an endpoint, importer or view, it does not mark
 * the module failed.
 *
 * @see #field() the input field, row or line the message is about, when there is one
 */
public class ModuleProblem extends RuntimeException {

    private final int status;
    private final String messageZh;
    private final String messageEn;
    private final String field;

    public ModuleProblem(int status, String messageZh, String messageEn, String field) {
        super(messageEn == null ? messageZh : messageEn);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("A module problem is a 4xx status, not " + status);
        }
        this.status = status;
        this.messageZh = messageZh;
        this.messageEn = messageEn == null ? messageZh : messageEn;
        this.field = field;
    }

    /** 400 for bad input in {@code field}. */
    public static ModuleProblem badInput(String field, String messageZh, String messageEn) {
        return new ModuleProblem(400, messageZh, messageEn, field);
    }

    /** 404: nothing of that id in the caller's bureau. */
    public static ModuleProblem notFound(String messageZh, String messageEn) {
        return new ModuleProblem(404, messageZh, messageEn, null);
    }

    /** 409: the request conflicts with the current state. */
    public static ModuleProblem conflict(String messageZh, String messageEn) {
        return new ModuleProblem(409, messageZh, messageEn, null);
    }

    public int status() {
        return status;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    public String field() {
        return field;
    }
}
