/** Pure parsing of election texts (the HĐBCQG resolution on electoral units). No Spring, no JDBC. */
package vn.baucu.election.rules;
