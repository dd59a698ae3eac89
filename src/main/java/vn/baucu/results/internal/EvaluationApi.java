package vn.baucu.results.internal;

import java.util.Locale;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Contest evaluation", description = "Published contract: contracts/contest-evaluation.md")
class EvaluationApi {

    private final Evaluations evaluations;

    EvaluationApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping("/api/v1/evaluations")
    @Operation(summary = "Legal outcome of one contest from its counting figures (public, stateless)")
    EvaluationResponse evaluate(@RequestBody EvaluationRequest request, Locale locale) {
        return evaluations.evaluate(request, locale);
    }
}
