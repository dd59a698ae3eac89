package vn.baucu.election;

import java.time.LocalDate;

/**
 * How far one milestone has got across the contests (or units) in view: "election teams formed in
 * 1,310 of 1,452 villages, 142 due in 2 days".
 *
 * @param dueDate the earliest due date among those not done (or the due date when all are done)
 * @param daysLeft days from today to {@code dueDate}; negative when overdue
 */
public record MilestoneProgress(String code, String title, String source, LocalDate dueDate, long daysLeft, int total,
                                int done, int doneLate, int overdue, int pending) {
}
