package vn.baucu.platform.internal;

import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.DomainException;

/**
 * Signing a program in once: {@code POST /api/v1/tokens} with the account's password (HTTP Basic) returns a
 * short-lived token to send as {@code Authorization: Bearer …} instead of the password on every request.
 */
@RestController
@Tag(name = "Users", description = "Accounts, roles and the administrative unit each role is scoped to")
class TokenApi {

    private final ApiTokens tokens;
    private final Authorization authorization;

    TokenApi(ApiTokens tokens, Authorization authorization) {
        this.tokens = tokens;
        this.authorization = authorization;
    }

    record TokenView(String token, String tokenType, Instant expiresAt, String id) {
    }

    @PostMapping("/api/v1/tokens")
    @Operation(summary = "Issue a short-lived API token (sign in with the password, HTTP Basic; not with a token)")
    ResponseEntity<TokenView> issue(HttpServletRequest request) {
        var me = authorization.currentUser();
        if (presented() != null) {
            throw DomainException.forbidden("problem.token-needs-password");
        }
        ApiTokens.Issued issued = tokens.issue(me.username(), String.valueOf(request.getRemoteAddr()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new TokenView(issued.token(), "Bearer", issued.expiresAt(), issued.id()));
    }

    @DeleteMapping("/api/v1/tokens/current")
    @Operation(summary = "Revoke the token this request presents (sign out a program)")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        authorization.currentUser();
        ApiTokens.Presented presented = presented();
        if (presented == null) {
            throw DomainException.badRequest("problem.token-not-presented");
        }
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).strip(), String.valueOf(request.getRemoteAddr()));
        return ResponseEntity.noContent().build();
    }

    private static ApiTokens.Presented presented() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof ApiTokens.Presented p ? p : null;
    }
}
