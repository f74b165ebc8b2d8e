package be.lokaalsignaal.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers in the API's JSON shape with its security headers, instead of an HTML
 * page: a request Jetty refuses before any route sees it (a NUL or an encoded slash in the path, a
 * line it cannot parse) and an error Jetty raises itself.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        HttpEdges.SECURITY_HEADERS.forEach(fields::put);
        fields.put("Content-Security-Policy", HttpEdges.DATA_POLICY);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        response.setContentType("application/json");
        HttpEdges.SECURITY_HEADERS.forEach(response::setHeader);
        response.setHeader("Content-Security-Policy", HttpEdges.DATA_POLICY);
        response.getOutputStream().write(body(code, message));
        baseRequest.setHandled(true);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    static byte[] body(int status, String reason) {
        String why = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        String message = status == 400 ? "the request cannot be read (" + why + "): check the path and its percent-escapes" : why;
        try {
            return JSON.writeValueAsString(Map.of("error", message)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"bad request\"}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
