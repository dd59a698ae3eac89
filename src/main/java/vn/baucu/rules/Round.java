package vn.baucu.rules;

/** Which vote of a contest this is: the first, an additional election (bầu cử thêm) or a re-election (bầu cử lại). */
public enum Round {
    FIRST, ADDITIONAL, REELECTION
}
