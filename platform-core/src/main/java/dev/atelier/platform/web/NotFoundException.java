package dev.atelier.platform.web;

/** Nothing of that id at the current tenant; answered 404 whether it never existed or belongs to someone else. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
