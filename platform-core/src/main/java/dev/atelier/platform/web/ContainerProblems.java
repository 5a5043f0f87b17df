package dev.atelier.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the servlet container refuses itself, before any of our code sees the request (a path with an encoded slash or
 * other invalid URI, a header too large), is answered on the API ({@code /api/…}, or asked for as JSON) as
 * problem+json like every other refusal instead of Tomcat's HTML error page, and elsewhere (a chain's pages) as a bare
 * HTML page naming the status only: the host's error report valve is replaced by one that does so.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // the host adds its error report valve as it starts, before it starts the application's context
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_INIT_EVENT.equals(event.getType())) {
                replaceReportValve(context.getParent());
            }
        }));
    }

    private static void replaceReportValve(Container host) {
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProblemReportValve) {
                return;
            }
        }
        pipeline.addValve(new ProblemReportValve());
    }

    /** Tomcat's error report as a problem (or a bare page): the status, its reason, and no detail of the server. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (!forTheApi(request)) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean allowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
            if (!allowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String type = status == 404
                    ? ProblemType.NOT_FOUND.uri().toString()
                    : status < 500 ? ProblemType.MALFORMED_REQUEST.uri().toString() : "about:blank";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"The server could not read this request.\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the response is already on its way: nothing more to say
            }
        }

        private static boolean forTheApi(Request request) {
            try {
                String path = request.getCoyoteRequest().requestURI().toString();
                String accept = request.getHeader("Accept");
                return (path != null && path.startsWith("/api/"))
                        || (accept != null && (accept.contains("application/json") || accept.contains("+json")));
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
