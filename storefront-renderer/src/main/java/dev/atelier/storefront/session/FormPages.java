package dev.atelier.storefront.session;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page a form was sent from, to go back to when the form cannot be taken (the session it belongs to has ended):
 * the booking confirmation with the same choices, a booking's page for its cancel button, the move page for a move;
 * the home page for anything else. Only page paths of this host, never an address the request names.
 */
final class FormPages {

    private static final Pattern BOOKING_FORM = Pattern.compile("/my/bookings/([0-9a-fA-F-]{36})/(cancel|reschedule)");
    /** What the confirmation page is asked with; the form sends the same fields (and its key, note and token). */
    private static final List<String> CONFIRM_CHOICES = List.of("location", "service", "staff", "stylist", "start");

    private FormPages() {
    }

    static String pageOf(HttpServletRequest form) {
        String path = form.getRequestURI();
        if ("/book/confirm".equals(path)) {
            StringJoiner query = new StringJoiner("&", "/book/confirm?", "");
            for (String name : CONFIRM_CHOICES) {
                String[] values = form.getParameterValues(name);
                for (String value : values == null ? new String[0] : values) {
                    query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
            return query.toString();
        }
        if ("/my/preferences".equals(path)) {
            return path;
        }
        Matcher booking = BOOKING_FORM.matcher(path);
        if (booking.matches()) {
            String page = "/my/bookings/" + booking.group(1);
            return booking.group(2).equals("reschedule") ? page + "/reschedule" : page;
        }
        return "/";
    }
}
