package vn.baucu.results.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.baucu.platform.FindingProblems;
import vn.baucu.rules.ContestEvaluator;
import vn.baucu.rules.Evaluation;
import vn.baucu.rules.FiguresRejected;

/** Evaluates a request and words its reasons in the caller's language; shared by the API and the page. */
@Component
class Evaluations {

    private final MessageSource messages;

    Evaluations(MessageSource messages) {
        this.messages = messages;
    }

    EvaluationResponse evaluate(EvaluationRequest request, Locale locale) {
        Evaluation evaluation;
        try {
            evaluation = ContestEvaluator.evaluate(request.toFigures());
        } catch (FiguresRejected rejected) {
            throw FindingProblems.of(rejected);
        }
        return EvaluationResponse.of(evaluation,
                r -> messages.getMessage("reason." + r.code(), r.args().toArray(), r.code(), locale));
    }
}
