package dev.atelier.infra.payments;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WeChat's web authorisation for the fake merchant's official account, as weixin-java-mp calls it: the page under
 * {@code /wechat-open/connect/oauth2/authorize} that WeChat's browser shows (for {@code snsapi_base} it shows
 * nothing and sends the customer straight back to {@code redirect_uri} with a one-time {@code code} and the
 * {@code state}), and {@code /wechat-api/sns/oauth2/access_token}, which takes the code once, with the account's
 * AppSecret, for the customer's openid. A browser is one WeChat user: the openid is the same for every code a
 * browser's {@code X-Wechat-User} header (or, without it, its User-Agent) is given, so a test can be two people.
 */
final class WechatOfficialAccountFake implements ResponseDefinitionTransformerV2 {

    static final String NAME = "atelier-wechat-official-account-fake";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final FakeKeys.WechatPay account;
    private final Map<String, String> openIdsByCode = new ConcurrentHashMap<>();
    private final Map<String, String> openIdsByUser = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    WechatOfficialAccountFake(FakeKeys.WechatPay account) {
        this.account = account;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String path = FakeHttp.path(request);
        Map<String, String> query = FakeHttp.query(request);
        if (request.getMethod().equals(RequestMethod.GET) && path.equals("/wechat-open/connect/oauth2/authorize")) {
            return authorize(query, request.getHeader("X-Wechat-User") != null
                    ? request.getHeader("X-Wechat-User")
                    : String.valueOf(request.getHeader("User-Agent")));
        }
        if (request.getMethod().equals(RequestMethod.GET) && path.equals("/wechat-api/sns/oauth2/access_token")) {
            return accessToken(query);
        }
        return error(40066, "invalid url: " + path);
    }

    private ResponseDefinition authorize(Map<String, String> query, String user) {
        String redirect = query.getOrDefault("redirect_uri", "");
        if (!account.appId().equals(query.get("appid"))) {
            return FakeHttp.html(400, "<p>appid 错误 (not the fake's official account)</p>");
        }
        if (!"code".equals(query.get("response_type")) || !query.getOrDefault("scope", "").startsWith("snsapi_")) {
            return FakeHttp.html(400, "<p>response_type=code 和 scope 必填</p>");
        }
        URI back;
        try {
            back = URI.create(redirect);
        } catch (IllegalArgumentException e) {
            return FakeHttp.html(400, "<p>redirect_uri 参数错误</p>");
        }
        if (back.getScheme() == null || !back.getScheme().startsWith("http") || back.getHost() == null) {
            return FakeHttp.html(400, "<p>redirect_uri 参数错误</p>");
        }
        String code = text(32);
        openIdsByCode.put(code, openIdsByUser.computeIfAbsent(user, ignored -> "o" + text(27)));
        String state = query.getOrDefault("state", "");
        return FakeHttp.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    private ResponseDefinition accessToken(Map<String, String> query) {
        if (!account.appId().equals(query.get("appid")) || !account.appSecret().equals(query.get("secret"))) {
            return error(40125, "invalid appsecret");
        }
        if (!"authorization_code".equals(query.get("grant_type"))) {
            return error(40002, "invalid grant_type");
        }
        String openId = openIdsByCode.remove(query.getOrDefault("code", ""));
        if (openId == null) {
            return error(40029, "invalid code");
        }
        return FakeHttp.json(200, FakeHttp.json(Map.of("access_token", text(64), "expires_in", 7200,
                "refresh_token", text(64), "openid", openId, "scope", "snsapi_base")));
    }

    private static ResponseDefinition error(int code, String message) {
        return FakeHttp.json(200, FakeHttp.json(Map.of("errcode", code, "errmsg", message)));
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
