package vn.baucu.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;




/**
 * Builds the one error shape — RFC 9457 problem details with a stable {@code type}, a localised
 * {@code title} and {@code detail}, and a {@code violations} list of {@code {code, field, row, message}}
 * — for the API, the security filters and the error pages alike.
 */
@Component
public class ProblemRenderer {

    private final MessageSource messages;

    ProblemRenderer(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail render(DomainException e, Locale locale) {
        return render(e.kind().status, e.kind().slug, e.messageKey(), e.args().toArray(), e.violations(), locale);
    }

    public ProblemDetail render(int status, String slug, String detailKey, Object[] args, List<Violation> violations,
                                Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:baucu:problem:" + slug));
        problem.setTitle(message("problem.title." + slug, new Object[0], locale,
                HttpStatus.valueOf(status).getReasonPhrase()));
        problem.setDetail(violations.size() == 1 && "problem.bad-request".equals(detailKey)
                ? message(violations.get(0).messageKey(), violations.get(0).args().toArray(), locale, detailKey)
                : message(detailKey, args, locale, detailKey));
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations(violations, locale));
        }
        return problem;
    }

    public List<Map<String, Object>> violations(List<Violation> violations, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Violation v : violations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", v.code());
            m.put("field", v.field());
            if (v.row() != null) {
                m.put("row", v.row());
            }
            m.put("message", message(v.messageKey(), v.args().toArray(), locale, v.messageKey()));
            out.add(m);
        }
        return out;
    }

    /** The problem as a plain map, for writers that have no message converter (security filters). */
    public Map<String, Object> asMap(ProblemDetail p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", String.valueOf(p.getType()));
        m.put("title", p.getTitle());
        m.put("status", p.getStatus());
        m.put("detail", p.getDetail());
        if (p.getInstance() != null) {
            m.put("instance", p.getInstance().toString());
        }
        if (p.getProperties() != null) {
            m.putAll(p.getProperties());
        }
        return m;
    }

    public String message(String key, Object[] args, Locale locale, String fallback) {
        return messages.getMessage(key, args, fallback, locale);
    }
}
