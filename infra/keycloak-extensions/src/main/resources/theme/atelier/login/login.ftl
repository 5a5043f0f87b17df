<#-- Sign in with an email or phone number and a password, or have a code texted to a phone number. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
    <#if section = "header">
        ${msg("atelierSignInTitle")}
    <#elseif section = "form">
        <#assign fieldError = messagesPerField.existsError('username','password')>
        <form id="kc-form-login" class="atelier-form" action="${url.loginAction}" method="post" novalidate>
            <label for="username">${msg("atelierEmailOrPhone")}</label>
            <input id="username" name="username" type="text" value="${(login.username)!''}" autocomplete="username"
                   autofocus aria-invalid="${fieldError?c}"<#if fieldError> aria-describedby="input-error"</#if>>
            <label for="password">${msg("password")}</label>
            <input id="password" name="password" type="password" autocomplete="current-password"
                   aria-invalid="${fieldError?c}"<#if fieldError> aria-describedby="input-error"</#if>>
            <#if fieldError>
                <p class="atelier-field-error" id="input-error" aria-live="polite">${kcSanitize(messagesPerField.getFirstError('username','password'))?no_esc}</p>
            </#if>
            <#if realm.rememberMe>
                <label class="atelier-check"><input type="checkbox" id="rememberMe" name="rememberMe"<#if (login.rememberMe)??> checked</#if>> ${msg("rememberMe")}</label>
            </#if>
            <input type="hidden" id="id-hidden-input" name="credentialId"<#if (auth.selectedCredential)?has_content> value="${auth.selectedCredential}"</#if>>
            <button class="atelier-button atelier-primary" id="kc-login" name="login" type="submit">${msg("doLogIn")}</button>
            <p class="atelier-or"><span>${msg("atelierOr")}</span></p>
            <button class="atelier-button atelier-secondary" id="atelier-send-code" name="sendCode" value="on" type="submit">${msg("atelierTextMeACode")}</button>
            <p class="atelier-hint">${msg("atelierTextMeACodeHint")}</p>
        </form>
        <#if realm.resetPasswordAllowed>
            <p><a id="atelier-forgot-password" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></p>
        </#if>
    <#elseif section = "info">
        <span>${msg("noAccount")} <a id="atelier-register" href="${url.registrationUrl}">${msg("doRegister")}</a></span>
    </#if>
</@layout.registrationLayout>
