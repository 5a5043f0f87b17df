<#-- The code page after "Text me a code". Worded the same whether or not the number has an account. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        ${msg("atelierCodeTitle")}
    <#elseif section = "form">
        <p id="atelier-code-sent">${msg("atelierCodeSent", atelierPhone, atelierCodeMinutes)}</p>
        <form id="atelier-code-form" class="atelier-form" action="${url.loginAction}" method="post" novalidate>
            <label for="code">${msg("atelierCodeLabel")}</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6"
                   autofocus aria-invalid="${messagesPerField.existsError('code')?c}"<#if messagesPerField.existsError('code')> aria-describedby="code-error"</#if>>
            <#if messagesPerField.existsError('code')>
                <p class="atelier-field-error" id="code-error" aria-live="polite">${kcSanitize(messagesPerField.get('code'))?no_esc}</p>
            </#if>
            <button class="atelier-button atelier-primary" id="atelier-verify-code" type="submit">${msg("doLogIn")}</button>
        </form>
        <p><a id="atelier-start-over" href="${url.loginRestartFlowUrl}">${msg("atelierStartOver")}</a></p>
    </#if>
</@layout.registrationLayout>
