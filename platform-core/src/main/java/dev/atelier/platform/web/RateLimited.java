package dev.atelier.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public write (signup, customer registration): every request to it counts against the public-writes limit of its
 * client ({@link ClientKeys}) before its body is read or checked, so a flood of invalid bodies is limited as well.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {
}
