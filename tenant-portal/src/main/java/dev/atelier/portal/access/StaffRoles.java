package dev.atelier.portal.access;

import dev.atelier.platform.identity.StaffRole;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a tenant endpoint and names the staff roles that may call it. The caller's tenant comes from their token's
 * organizations (chosen with {@code X-Tenant} when there are several) and their role from that tenant's data.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StaffRoles {

    StaffRole[] value();
}
