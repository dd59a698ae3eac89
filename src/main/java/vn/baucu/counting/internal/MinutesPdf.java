package vn.baucu.counting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.ibm.icu.text.RuleBasedNumberFormat;

import vn.baucu.audit.AuditLog;
import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.MinutesEntry;
import vn.baucu.counting.MinutesView;
import vn.baucu.counting.PollingDay;
import vn.baucu.election.ContestRef;
import vn.baucu.election.Elections;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Documents;
import vn.baucu.rules.Percentages;
import vn.baucu.rules.RuleSet;

/**
 * The official counting minutes as a PDF: national heading, the body, every number in figures and in words
 * ("210 (Hai trăm mười)"), the ballot's names with their votes and shares, incidents and complaints, signature
 * blocks, and for certified minutes the SHA-256 of the certified data with a QR code of its public verification
 * address. Before certification it prints as a draft; a rehearsal's says so at the top.
 */
@Service
class MinutesPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final CountingMinutes minutes;
    private final PollingDay pollingDay;
    private final Elections elections;
    private final Candidates candidates;
    private final Documents documents;
    private final AuditLog audit;
    private final MessageSource messages;
    private final String publicUrl;

    MinutesPdf(CountingMinutes minutes, PollingDay pollingDay, Elections elections, Candidates candidates,
               Documents documents, AuditLog audit, MessageSource messages, @Value("${baucu.public-url}") String publicUrl) {
        this.minutes = minutes;
        this.pollingDay = pollingDay;
        this.elections = elections;
        this.candidates = candidates;
        this.documents = documents;
        this.audit = audit;
        this.messages = messages;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** A whole number in figures and in Vietnamese words: "210 (Hai trăm mười)". */
    static String inWords(long n) {
        String words = new RuleBasedNumberFormat(Documents.VIETNAMESE, RuleBasedNumberFormat.SPELLOUT).format(n);
        return String.format(Locale.ROOT, "%,d", n).replace(',', '.') + " (" + Character.toUpperCase(words.charAt(0))
                + words.substring(1) + ")";
    }

    @Transactional(readOnly = true)
    public byte[] render(long electionId, String placeCode, long minutesId) {
        MinutesView view = minutes.get(electionId, placeCode, minutesId);
        ContestRef contest = elections.contest(electionId, placeCode);
        MinutesView.Version version = view.versions().stream().filter(v -> v.certifiedAt() != null)
                .reduce((a, b) -> b)
                .or(() -> view.versions().stream().filter(v -> v.figures() != null).reduce((a, b) -> b))
                .orElseThrow(() -> DomainException.conflict("counting.no-figures", minutesId));
        return render(contest, view, version);
    }

    /** The PDF of the certified version with this SHA-256, for anyone (the QR code's target); 404 for none or a rehearsal. */
    @Transactional(readOnly = true)
    public byte[] renderCertified(String sha256) {
        MinutesView view = minutes.certifiedView(sha256)
                .orElseThrow(() -> DomainException.notFound("counting.sha-not-found", sha256));
        ContestRef contest = elections.contest(view.minutes().electionId(), view.minutes().place());
        return render(contest, view, view.versions().get(0));
    }

    private byte[] render(ContestRef contest, MinutesView view, MinutesView.Version version) {
        long electionId = contest.electionId();
        String placeCode = contest.placeCode();
        MinutesEntry f = version.figures();
        boolean village = contest.village();
        RuleSet ruleSet = RuleSet.valueOf(contest.ruleSet());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rehearsal", contest.rehearsal());
        model.put("certified", version.certifiedAt() != null);
        model.put("issuer", village ? message("doc.minutes.issuer.village", contest.placeName())
                : message("doc.minutes.issuer.team") + " " + view.pollingAreaName());
        model.put("number", "……/BB-KP");
        model.put("placeName", contest.placeName());
        model.put("day", contest.electionDay());
        model.put("electionName", contest.electionName());
        model.put("seats", contest.seats());
        model.put("areaName", view.pollingAreaName());
        model.put("version", version.number());
        model.put("correctionDecision", version.correctionDecision());
        model.put("correctionReason", version.correctionReason());
        model.put("method", f.votingMethod());
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put(village ? "households" : "electorate", inWords(f.electorate()));
        figures.put(village ? "representatives" : "participants", inWords(f.participants()));
        if (f.householdsUnrepresented() != null) {
            figures.put("unrepresented", inWords(f.householdsUnrepresented()));
        }
        if (f.ballotsIssued() != null) {
            figures.put("issued", inWords(f.ballotsIssued()));
            figures.put("returned", inWords(f.ballotsReturned()));
            figures.put("valid", inWords(f.validBallots()));
            figures.put("invalid", inWords(f.invalidBallots()));
        }
        model.put("figures", figures);
        long denominator = village ? f.electorate() : f.validBallots() == null ? f.participants() : f.validBallots();
        model.put("denominatorLabel", message(village ? (ruleSet == RuleSet.VILLAGE_HEAD_2023
                ? "doc.minutes.denominator.households" : "doc.minutes.denominator.electorate") : "doc.minutes.denominator.valid"));
        Map<String, CandidateView> ballot = new LinkedHashMap<>();
        candidates.ballot(electionId, placeCode).forEach(c -> ballot.put(String.valueOf(c.id()), c));
        List<Map<String, Object>> names = new ArrayList<>();
        for (MinutesEntry.CandidateVotes v : f.candidates()) {
            CandidateView c = ballot.get(v.id());
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", c == null ? v.id() : c.otherName() != null ? c.fullName() + " (" + c.otherName() + ")" : c.fullName());
            n.put("counted", c == null || !c.struckAfterPrinting());
            n.put("votes", inWords(v.votes()));
            n.put("percent", c != null && c.struckAfterPrinting() ? "—" : Percentages.format(v.votes(), denominator));
            names.add(n);
        }
        model.put("names", names);
        model.put("struck", ballot.values().stream().filter(CandidateView::struckAfterPrinting).toList());
        model.put("complaints", f.complaints() == null ? new MinutesEntry.Complaints(0L, 0L, 0L) : f.complaints());
        List<String> events = new ArrayList<>();
        for (PollingDay.Event e : pollingDay.events(electionId, view.minutes().pollingArea(),
                village ? contest.placeCode() : null)) {
            events.add(LocalDateTime.ofInstant(e.occurredAt(), PollingDay.VIETNAM).format(WHEN) + " — "
                    + message("doc.event." + e.kind()) + ": " + e.description()
                    + (e.actionTaken() == null ? "" : " — " + e.actionTaken())
                    + (e.voters() == null ? "" : " (" + e.voters() + ")"));
        }
        model.put("events", events);
        model.put("explanations", f.explanations().stream().map(x -> x.code() + ": " + x.text()).toList());
        model.put("certifiedAt", version.certifiedAt() == null ? null
                : LocalDateTime.ofInstant(version.certifiedAt(), PollingDay.VIETNAM).format(WHEN));
        model.put("certifiedBy", version.certifiedBy());
        model.put("signedBy", version.signedBy());
        model.put("signers", village
                ? List.of(message("doc.minutes.sign.chair"), message("doc.minutes.sign.counting"),
                        message("doc.minutes.sign.representatives"))
                : List.of(message("doc.minutes.sign.head"), message("doc.minutes.sign.secretary"),
                        message("doc.minutes.sign.witnesses")));
        model.put("sha256", version.sha256());
        String url = version.sha256() == null ? null : publicUrl + "/api/v1/public/minutes/" + version.sha256();
        model.put("verifyUrl", url);
        model.put("qr", url == null || contest.rehearsal() ? null : qr(url));
        model.put("fingerprint", contest.fingerprint());
        model.put("auditHead", version.certifiedAt() == null ? null : audit.head().head());
        return documents.pdf("minutes-official", model);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Documents.VIETNAMESE);
    }

    /** A QR code of {@code text} as a PNG data URI (ZXing), quiet zone included. */
    static String qr(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int scale = 6;
            var image = new java.awt.image.BufferedImage(m.getWidth() * scale, m.getHeight() * scale,
                    java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            var out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
