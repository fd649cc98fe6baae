package cn.jiaoyun.ui.session;

/** Raised when the logged-in account may not open a view; shown by the access-denied page. */
public class Forbidden extends RuntimeException {
    public Forbidden(String view) {
        super(view, null, false, false);
    }
}
