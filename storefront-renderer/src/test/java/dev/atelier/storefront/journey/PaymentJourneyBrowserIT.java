package dev.atelier.storefront.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.testing.browser.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Paying a deposit in each demo chain in a real headless Chromium, against the same gateway fakes {@code ./atelier
 * up} starts (driven through the real Stripe, Alipay and WeChat Pay SDKs, their notices signed and verified): a new
 * customer books a service that asks for a deposit, the confirmation says what is due now and offers the chain's
 * methods in its order, the button leads to the fake provider's page, **Pay** there brings them back to a confirmed
 * booking (the notice came), the receipt lists the payment, and cancelling within the policy refunds it, shown on
 * the booking and the receipt. Mayfair first turns back from the provider's page without paying and tries again;
 * Aurora also pays a second booking by WeChat Pay's QR code page, and a third customer pays there inside WeChat's browser
 * (WeChat's authorisation names them, and the page hands WeChat's bridge a JSAPI order). Every one of our pages is screenshot at desktop and
 * phone widths, in the chain's language and the other (in {@code target/screenshots/payments/<chain>/}), and checked
 * by axe-core (no serious or critical violations).
 */
class PaymentJourneyBrowserIT extends DemoChainsInChromium {

    @Test
    void atAuroraADepositIsPaidByAlipayAndRefundedAndAnotherByWechatPaysCode() throws Exception {
        Walk walk = walk("aurora");
        book(walk, "aurora", "zh-CN", "全头染发 Full colour", "美玲");
        assertThat(methods()).containsExactly("pay-alipay", "pay-wechatpay", "pay-card");
        assertThat(text("due-now")).isEqualTo("¥200.00");
        everyWay(walk, "01-confirm", "zh-CN");

        walk.go(By.id("pay-alipay"));
        fakePage(walk, "02-alipay", "alipay");
        walk.go(By.cssSelector("button.pay"));
        paidAndConfirmed(walk, "03-paid", "zh-CN", "已收到付款", "已确认", "¥200.00");
        refundedOnCancel(walk, "zh-CN", "¥200.00", "已取消");

        // a second booking, paid with WeChat Pay's code on this computer
        walk.go(By.linkText("立即预约"));
        chooseServiceAndTime(walk, "数码烫 Digital perm");
        walk.waitFor(By.id("pay-wechatpay"));
        walk.go(By.id("pay-wechatpay"));
        walk.waitFor(By.cssSelector("svg.qr"));
        assertThat(browser.getCurrentUrl()).contains("/scan");
        String scan = browser.getCurrentUrl();
        everyWay(walk, "07-wechat-scan", "zh-CN");
        walk.go(By.id("scan-open"));
        fakePage(walk, "08-wechatpay", "wechatpay");
        walk.go(By.cssSelector("button.pay"));
        // back on the code's page, which knows it is paid now and sends the customer on to the booking
        browser.get(scan);
        walk.waitFor(By.id("status"));
        assertThat(browser.getCurrentUrl()).endsWith("?paid");
        assertThat(text("status")).isEqualTo("已确认");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已收到付款");
        walk.stepAtBothWidths("09-wechat-paid");

        assertThat(walk.accessibility).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void insideWechatAtAuroraWechatNamesTheCustomerAndTheDepositIsPaidByJsapi() throws Exception {
        String userAgent = (String) browser.executeScript("return navigator.userAgent");
        // WeChat's browser: its user agent, and its bridge, which here keeps what the page hands it
        browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent",
                userAgent + " MicroMessenger/8.0.50.2701 NetType/WIFI Language/zh_CN"));
        Object bridge = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.WeixinJSBridge = {invoke: function (name, parameters, callback) {
                  window.wechatAsked = {name: name, parameters: parameters};
                  window.wechatAnswer = callback;
                }};""")).get("identifier");
        try {
            Walk walk = walk("aurora");
            book(walk, "aurora", "zh-CN", "全头染发 Full colour", "微信", "wechat.aurora@customers.test");
            assertThat(methods()).containsExactly("pay-alipay", "pay-wechatpay", "pay-card");
            walk.go(By.id("pay-wechatpay"));
            // through WeChat's authorisation (no screen for snsapi_base) to the page that hands WeChat the order
            walk.waitFor(By.id("wechat-pay"));
            // (WeChat's address ends #wechat_redirect, which the browser keeps through the redirects that follow)
            assertThat(browser.getCurrentUrl()).startsWith(home("aurora") + "/my/bookings/")
                    .matches(".*/payments/[0-9a-f-]{36}/wechat(#wechat_redirect)?");
            browser.get(browser.getCurrentUrl().replace("#wechat_redirect", ""));
            walk.waitFor(By.id("wechat-pay"));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("wechat-pay"))
                    .isEnabled());
            assertThat(browser.findElement(By.id("wechat-outside")).isDisplayed()).isFalse();
            everyWay(walk, "10-in-wechat", "zh-CN");
            @SuppressWarnings("unchecked")
            Map<String, Object> asked = (Map<String, Object>) browser.executeScript("return window.wechatAsked");
            assertThat(asked).containsEntry("name", "getBrandWCPayRequest");
            @SuppressWarnings("unchecked")
            Map<String, String> parameters = (Map<String, String>) asked.get("parameters");
            assertThat(parameters).containsKeys("appId", "timeStamp", "nonceStr", "package", "signType", "paySign")
                    .containsEntry("appId", FAKES.keys().wechatpay().appId()).containsEntry("signType", "RSA");
            // what WeChat checks before it shows its payment sheet: the merchant's signature
            java.security.Signature check = java.security.Signature.getInstance("SHA256withRSA");
            check.initVerify(java.security.KeyFactory.getInstance("RSA").generatePublic(
                    new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(
                            FAKES.keys().wechatpay().merchantPublicKey()))));
            check.update((parameters.get("appId") + "\n" + parameters.get("timeStamp") + "\n"
                    + parameters.get("nonceStr") + "\n" + parameters.get("package") + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(check.verify(java.util.Base64.getDecoder().decode(parameters.get("paySign")))).isTrue();

            // the customer confirms in WeChat: WeChat Pay takes the order (and notifies), and answers the page
            String order = parameters.get("package").substring("prepay_id=wx".length());
            HttpResponse<Void> paid = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(FAKES.baseUrl() + "/pay/wechatpay/" + order + "/pay"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(paid.statusCode()).isEqualTo(303);
            browser.executeScript("window.wechatAnswer({err_msg: 'get_brand_wcpay_request:ok'})");
            paidAndConfirmed(walk, "11-wechat-paid", "zh-CN", "已收到付款", "已确认", "¥200.00");
            assertThat(walk.accessibility).as("serious or critical accessibility violations").isEmpty();
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", bridge));
            browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", userAgent));
        }
    }

    @Test
    void atMayfairADepositIsPaidByCardAfterATurnBackAndRefundedOnCancelling() throws Exception {
        Walk walk = walk("mayfair");
        book(walk, "mayfair", "en", "Full head colour", "Ada");
        assertThat(methods()).containsExactly("pay-card");
        assertThat(text("due-now")).isEqualTo("£30.00");
        everyWay(walk, "01-confirm", "en");

        walk.go(By.id("pay-card"));
        fakePage(walk, "02-stripe", "stripe");
        walk.go(By.cssSelector("button.cancel"));
        walk.waitFor(By.id("pay-card"));
        assertThat(browser.getCurrentUrl()).contains("/pay");
        assertThat(browser.findElement(By.cssSelector(".problem")).getText()).contains("not completed");
        everyWay(walk, "03-not-paid", "en");

        walk.go(By.id("pay-card"));
        fakePage(walk, "04-stripe-again", "stripe");
        walk.go(By.cssSelector("button.pay"));
        paidAndConfirmed(walk, "05-paid", "en", "Payment received", "Confirmed", "£30.00");
        refundedOnCancel(walk, "en", "£30.00", "Cancelled");

        assertThat(walk.accessibility).as("serious or critical accessibility violations").isEmpty();
    }

    /** From the chain's home page to its confirmation of {@code service}, a new customer registered on the way. */
    private void book(Walk walk, String chain, String language, String service, String name) throws Exception {
        book(walk, chain, language, service, name, "pays." + chain + "@customers.test");
    }

    private void book(Walk walk, String chain, String language, String service, String name, String email)
            throws Exception {
        browser.get(home(chain) + "/book?lang=" + language);
        chooseServiceAndTime(walk, service);
        walk.waitFor(By.id("atelier-register")).click();
        walk.waitFor(By.id("kc-register-form"));
        walk.register(email, name);
        walk.waitFor(By.id("due-now"));
        assertThat(browser.getCurrentUrl()).startsWith(home(chain) + "/book/confirm");
    }

    /** The first salon, {@code service} by any stylist, the first free time a week or more ahead. */
    private void chooseServiceAndTime(Walk walk, String service) {
        if (!browser.findElements(By.cssSelector(".choices a")).isEmpty()) {
            walk.go(By.cssSelector(".choices a"));
        }
        WebElement label = walk.waitFor(By.xpath("//label[contains(., '" + service + "')]"));
        browser.findElement(By.id(label.getAttribute("for"))).click();
        walk.go(By.cssSelector("form button[type=submit].primary"));
        walk.go(By.cssSelector("form button[type=submit].primary"));
        walk.go(By.cssSelector(".days a:last-child"));
        walk.firstDayWithTimes();
        walk.go(By.cssSelector(".times a"));
    }

    /** The fake provider's hosted page for this payment: shown, with its three forms. */
    private void fakePage(Walk walk, String name, String provider) throws Exception {
        walk.waitFor(By.cssSelector("button.pay"));
        assertThat(browser.getCurrentUrl()).startsWith(FAKES.baseUrl() + "/pay/" + provider + "/");
        assertThat(browser.findElements(By.cssSelector("button.fail, button.cancel"))).hasSize(2);
        walk.shot(name);
    }

    private void paidAndConfirmed(Walk walk, String name, String language, String notice, String confirmed,
            String amount) throws Exception {
        walk.waitFor(By.id("status"));
        assertThat(browser.getCurrentUrl()).contains("/my/bookings/").endsWith("?paid");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains(notice);
        assertThat(text("status")).isEqualTo(confirmed);
        assertThat(text("paid")).isEqualTo(amount);
        assertThat(browser.findElements(By.cssSelector("[id^=pay-]"))).as("nothing more to pay").isEmpty();
        everyWay(walk, name, language);
        String booking = browser.getCurrentUrl();
        walk.go(By.id("receipt"));
        walk.waitFor(By.id("net-paid"));
        assertThat(text("net-paid")).isEqualTo(amount);
        everyWay(walk, name + "-receipt", language);
        browser.get(booking);
        walk.waitFor(By.id("cancel"));
    }

    private void refundedOnCancel(Walk walk, String language, String amount, String cancelled) throws Exception {
        walk.go(By.id("cancel"));
        walk.waitFor(By.id("refunded"));
        assertThat(text("status")).isEqualTo(cancelled);
        assertThat(text("refunded")).isEqualTo(amount);
        everyWay(walk, "05-refunded", language);
        walk.go(By.id("receipt"));
        walk.waitFor(By.id("net-paid"));
        assertThat(browser.findElement(By.id("movements")).getText()).contains("−" + amount);
        assertThat(text("net-paid")).endsWith("0.00");
        everyWay(walk, "06-refunded-receipt", language);
    }

    /**
     * The page at desktop and phone widths in {@code language}, then again in the other language (the same address
     * asked with {@code lang}), then back in {@code language}.
     */
    private void everyWay(Walk walk, String name, String language) throws Exception {
        walk.stepAtBothWidths(name + "-" + language);
        String here = browser.getCurrentUrl();
        String other = language.startsWith("zh") ? "en" : "zh-CN";
        browser.get(withLanguage(here, other));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.findElement(By.tagName("html"))
                .getAttribute("lang").startsWith(other.substring(0, 2)));
        walk.stepAtBothWidths(name + "-" + other);
        browser.get(withLanguage(here, language));
        walk.waitFor(By.tagName("main"));
    }

    private static String withLanguage(String address, String language) {
        String bare = address.replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return bare + (bare.contains("?") ? "&" : "?") + "lang=" + language;
    }

    private List<String> methods() {
        return browser.findElements(By.cssSelector("button[name=method]")).stream()
                .map(button -> button.getAttribute("id")).toList();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private Walk walk(String chain) {
        return new Walk(browser, axe, Path.of("target", "screenshots", "payments", chain));
    }
}
