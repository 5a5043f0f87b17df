package dev.atelier.platform.tenancy;

/** Another tenant already has this slug; answered with 409. */
public class SlugTakenException extends RuntimeException {

    public SlugTakenException(Slug slug) {
        super("The slug '" + slug + "' is taken");
    }
}
