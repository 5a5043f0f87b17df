package dev.atelier.platform.notifications;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import java.net.URI;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Texts outside mainland China through Twilio's Messages API (the twilio SDK), from the platform's number. Its API
 * base may be moved ({@code atelier.notifications.sms.twilio.api-base}: the local fake); connections and answers are
 * bounded in time. On when {@code atelier.notifications.sms.twilio.account-sid} is set.
 */
@Component
@ConditionalOnProperty(name = "atelier.notifications.sms.twilio.account-sid")
class TwilioSms implements SmsGateway {

    /** Where the SDK sends its requests unless moved. */
    static final String TWILIO_API = "https://api.twilio.com";

    private final TwilioRestClient client;
    private final String from;

    TwilioSms(@Value("${atelier.notifications.sms.twilio.account-sid}") String accountSid,
            @Value("${atelier.notifications.sms.twilio.auth-token}") String authToken,
            @Value("${atelier.notifications.sms.twilio.from}") String from,
            @Value("${atelier.notifications.sms.twilio.api-base:" + TWILIO_API + "}") String apiBase) {
        RequestConfig bounded = RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(5))
                .setResponseTimeout(Timeout.ofSeconds(10)).build();
        NetworkHttpClient network = new NetworkHttpClient(bounded);
        this.client = new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(apiBase.equals(TWILIO_API) ? network : new Rebased(network, apiBase)).build();
        this.from = from;
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public boolean reaches(PhoneNumber to) {
        return to.getCountryCode() != 86;
    }

    @Override
    public String send(TextMessage message) {
        try {
            return Message.creator(new com.twilio.type.PhoneNumber(message.to()),
                    new com.twilio.type.PhoneNumber(from), message.text()).create(client).getSid();
        } catch (ApiException refused) {
            throw new SmsNotSentException("Twilio refused the text (" + refused.getCode() + "): "
                    + refused.getMessage(), refused);
        } catch (TwilioException unreachable) {
            throw new SmsNotSentException("Twilio could not be reached: " + unreachable.getMessage(), unreachable);
        }
    }

    /** The SDK's requests sent to another API base (the same paths, parameters, headers and credentials). */
    private static final class Rebased extends HttpClient {

        private final NetworkHttpClient network;
        private final String base;

        Rebased(NetworkHttpClient network, String base) {
            this.network = network;
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        @Override
        public Response makeRequest(Request request) {
            URI original = URI.create(request.constructURL().toString());
            Request moved = new Request(request.getMethod(), base + original.getRawPath()
                    + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery()));
            request.getPostParams().forEach((name, values) -> values.forEach(value -> moved.addPostParam(name,
                    value)));
            request.getHeaderParams().forEach((name, values) -> values.forEach(value -> moved.addHeaderParam(name,
                    value)));
            if (request.getAuthStrategy() != null) {
                moved.setAuth(request.getAuthStrategy());
            } else if (request.getUsername() != null) {
                moved.setAuth(request.getUsername(), request.getPassword());
            }
            moved.setContentType(request.getContentType());
            if (request.getBody() != null) {
                moved.setBody(request.getBody());
            }
            return network.makeRequest(moved);
        }
    }
}
