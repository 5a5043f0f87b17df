<#-- A booking's notification by email, as plain text. -->
${greeting}

${lead}

${t.when}: ${when}
${t.where}: ${salon}, ${address}
${t.what}: ${services}
${t.price}: ${price}

${t.view}: ${link}

${calendarNote}
<#if phone?has_content>${questions}</#if>

${brand.name}
