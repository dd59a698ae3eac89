/** Working days and the legal calendar's milestone definitions (internal to the rules module). */
package vn.baucu.rules.calendar;
