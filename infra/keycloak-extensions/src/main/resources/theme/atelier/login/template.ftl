<#-- The page layout every login page renders in, branded per tenant. A tenant's storefront client carries
     atelier.brand.name, .logo, .primary, .on-primary and .accent; colours are used only when they are #rrggbb and
     the logo only when it is an http(s) URL on a public name or root-relative, so nothing a tenant sets can leave its
     attribute or point the page at this machine or a private network. -->
<#function brandAttribute key fallback>
    <#if client?? && client.attributes?? && client.attributes[key]?? && client.attributes[key]?has_content>
        <#return client.attributes[key]>
    </#if>
    <#return fallback>
</#function>
<#function brandColour key fallback>
    <#local value = brandAttribute(key, fallback)>
    <#return value?matches("#[0-9a-fA-F]{6}")?then(value, fallback)>
</#function>

<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<#assign brandName = brandAttribute("atelier.brand.name", (realm.displayName)!"Atelier")>
<#assign brandLogo = brandAttribute("atelier.brand.logo", "")>
<#-- root-relative (not //host), or http(s) on a host that is a dotted name: no user info, no IP literal, no localhost,
     *.localhost, *.local or *.internal (the apps check more, see ImageUrls; this holds whatever sets the attribute) -->
<#if !(brandLogo?matches("/(?![/\\\\])[^\\s\"'<>()\\\\]*")
        || (brandLogo?matches("https?://[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)+\\.?(:[0-9]{1,5})?([/?#][^\\s\"'<>()\\\\]*)?")
            && !brandLogo?matches("(?i)https?://([^/?#:]*\\.)?(localhost|local|internal|localdomain|[0-9]+|0x[0-9a-f]*)\\.?([:/?#].*)?")))>
    <#assign brandLogo = "">
</#if>
<!DOCTYPE html>
<html lang="${(locale.currentLanguageTag)!'en'}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>${brandName}</title>
    <#if properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <style>
        :root {
            --atelier-primary: ${brandColour("atelier.brand.primary", "#1f4e79")};
            --atelier-on-primary: ${brandColour("atelier.brand.on-primary", "#ffffff")};
            --atelier-accent: ${brandColour("atelier.brand.accent", "#b5838d")};
        }
    </style>
</head>
<body class="atelier-page ${bodyClass}" data-page-id="login-${pageId!''}">
<main class="atelier-card">
    <header class="atelier-brand" id="atelier-brand">
        <#if brandLogo?has_content><img class="atelier-logo" id="atelier-logo" src="${brandLogo}" alt=""></#if>
        <span class="atelier-brand-name" id="atelier-brand-name">${brandName}</span>
    </header>
    <#if realm.internationalizationEnabled && locale?? && locale.supported?size gt 1>
        <nav class="atelier-locales" aria-label="${msg("languages")}">
            <#list locale.supported as language>
                <a href="${language.url}" lang="${language.languageTag}"<#if language.languageTag == locale.currentLanguageTag> aria-current="true"</#if>>${language.label}</a>
            </#list>
        </nav>
    </#if>
    <h1 id="kc-page-title"><#nested "header"></h1>
    <#if displayRequiredFields>
        <p class="atelier-required"><span aria-hidden="true">*</span> ${msg("requiredFields")}</p>
    </#if>
    <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
        <div class="atelier-attempted" id="kc-username">
            <span id="kc-attempted-username">${auth.attemptedUsername}</span>
            <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
            <#nested "show-username">
        </div>
    </#if>
    <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
        <div class="atelier-alert atelier-alert-${message.type}" id="atelier-message" role="alert">
            <span class="kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
        </div>
    </#if>
    <#nested "form">
    <#if auth?has_content && auth.showTryAnotherWayLink()>
        <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post">
            <input type="hidden" name="tryAnotherWay" value="on">
            <button type="submit" class="atelier-link">${msg("doTryAnotherWay")}</button>
        </form>
    </#if>
    <#nested "socialProviders">
    <#if displayInfo>
        <div class="atelier-info" id="kc-info"><#nested "info"></div>
    </#if>
</main>
<script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
</body>
</html>
</#macro>
