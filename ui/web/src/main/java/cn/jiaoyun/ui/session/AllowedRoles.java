package cn.jiaoyun.ui.session;

import cn.jiaoyun.core.identity.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may open a view. Without it a view is for a bureau's users (any bureau role);
 * platform accounts must be named explicitly, so that they never reach bureau data by default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowedRoles {
    Role[] value();
}
