package vn.baucu.party.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.geography.AdminUnits;
import vn.baucu.party.Congresses;
import vn.baucu.platform.Documents;

/**
 * The congress's election minutes (biên bản bầu cử: attendance and the roll, each ballot's count and result) and its
 * report to the superior committee (báo cáo kết quả đại hội, asking for ratification), as official PDFs. Counts only:
 * never who voted how.
 */
@Component
class CongressPdf {

    private final Congresses congresses;
    private final AdminUnits units;
    private final Documents documents;

    CongressPdf(Congresses congresses, AdminUnits units, Documents documents) {
        this.congresses = congresses;
        this.units = units;
        this.documents = documents;
    }

    @Transactional
    public byte[] render(long congressId, boolean report) {
        Congresses.CongressView c = congresses.get(congressId);
        String superior = units.find(c.superiorCode(), c.heldOn()).map(u -> u.name()).orElse(c.superiorCode());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("cell", c.cellName());
        model.put("superior", superior);
        model.put("term", c.term());
        model.put("heldOn", c.heldOn());
        model.put("mode", c.mode());
        model.put("kind", c.kind());
        model.put("roll", c.roll());
        model.put("status", c.status());
        model.put("secretary", c.secretaryName());
        model.put("proposed", c.proposedSecretaryName());
        model.put("ratificationNo", c.ratificationNo());
        model.put("ratifiedOn", c.ratifiedOn());
        model.put("ratificationDue", c.ratificationDue());
        List<Map<String, Object>> votes = new ArrayList<>();
        for (Congresses.Vote v : c.votes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("body", v.body());
            m.put("round", v.round());
            m.put("seats", v.seats());
            m.put("status", v.status());
            m.put("outcome", v.outcome());
            m.put("nominees", v.nominees());
            m.put("insteadOfHead", v.insteadOfHead());
            votes.add(m);
        }
        model.put("votes", votes);
        return documents.pdf("party-congress", model);
    }
}
