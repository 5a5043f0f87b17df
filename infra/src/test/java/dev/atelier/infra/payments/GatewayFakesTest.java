package dev.atelier.infra.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fakes keep their keys and orders in their directory, so a restarted local stack still signs as the chains'
 * stored credentials expect and still knows the orders its bookings point at; the merchant file the apps are given
 * holds the merchants' halves only; a request without the platform's key is refused.
 */
class GatewayFakesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path directory;

    @Test
    void aRestartKeepsTheKeysAndTheOrders() throws Exception {
        FakeKeys keys;
        String session;
        try (GatewayFakes fakes = GatewayFakes.start(0, directory, "http://localhost:1/webhooks/stripe",
                Clock.systemUTC())) {
            keys = fakes.keys();
            HttpResponse<String> created = stripe(fakes, "POST", "/v1/checkout/sessions", keys.stripe().secretKey(),
                    "mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=gbp"
                            + "&line_items[0][price_data][unit_amount]=3000"
                            + "&line_items[0][price_data][product_data][name]=Deposit"
                            + "&success_url=https://salon.test/paid&cancel_url=https://salon.test/not-paid");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            session = JSON.readTree(created.body()).path("id").asText();
            assertThat(stripe(fakes, "GET", "/v1/checkout/sessions/" + session, "sk_test_someone_else", null)
                    .statusCode()).as("not the platform's key").isEqualTo(401);
        }
        assertThat(Files.exists(directory.resolve("keys.json"))).isTrue();
        try (GatewayFakes again = GatewayFakes.start(0, directory, "http://localhost:1/webhooks/stripe",
                Clock.systemUTC())) {
            assertThat(again.keys()).isEqualTo(keys);
            HttpResponse<String> kept = stripe(again, "GET", "/v1/checkout/sessions/" + session,
                    keys.stripe().secretKey(), null);
            assertThat(kept.statusCode()).isEqualTo(200);
            JsonNode found = JSON.readTree(kept.body());
            assertThat(found.path("amount_total").asLong()).isEqualTo(3000);
            assertThat(found.path("status").asText()).isEqualTo("open");
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(found.path("url").asText()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("GBP 30.00", "Deposit", ">Pay</button>", ">Fail</button>",
                    ">Cancel</button>");
        }
    }

    @Test
    void theMerchantFileHoldsTheMerchantsHalvesOnly() throws Exception {
        try (GatewayFakes fakes = GatewayFakes.start(0, directory, "http://localhost:1/webhooks/stripe",
                Clock.systemUTC())) {
            String merchants = Files.readString(fakes.writeMerchantFile(directory.resolve("merchants.json")));
            FakeKeys keys = fakes.keys();
            JsonNode file = JSON.readTree(merchants);
            assertThat(file.path("alipay").path("appId").asText()).isEqualTo(keys.alipay().appId());
            assertThat(file.path("alipay").path("alipayPublicKey").asText()).isEqualTo(keys.alipay()
                    .alipayPublicKey());
            assertThat(file.path("wechatpay").path("publicKey").asText()).isEqualTo(keys.wechatpay()
                    .platformPublicKey());
            assertThat(file.path("stripe").path("webhookSecret").asText()).isEqualTo(keys.stripe().webhookSecret());
            assertThat(merchants).doesNotContain(keys.alipay().alipayPrivateKey(),
                    keys.wechatpay().platformPrivateKey());
        }
    }

    private static HttpResponse<String> stripe(GatewayFakes fakes, String method, String path, String key,
            String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fakes.stripeApiBase() + path))
                .header("Authorization", "Bearer " + key).header("Stripe-Account", "acct_1Restarted");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return HTTP.send(request.method(method, form == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
