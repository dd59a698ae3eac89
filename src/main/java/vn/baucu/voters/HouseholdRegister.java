package vn.baucu.voters;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.platform.rules.VietnameseNames;

/**
 * The household register. Bulk loads go through PostgreSQL {@code COPY} in chunks, inside the caller's
 * transaction, so a failure part-way leaves nothing behind.
 */
@Service
public class HouseholdRegister {

    private static final int CHUNK = 20_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    HouseholdRegister(DataSource dataSource, JdbcClient jdbc, AuditLog audit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Loads residents with COPY; {@code progress} hears the running count after each chunk. */
    @Transactional
    public int bulkLoad(Iterator<Resident> residents, String source, IntConsumer progress) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        int total = 0;
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder(CHUNK * 120);
            int inChunk = 0;
            while (residents.hasNext()) {
                Resident r = residents.next();
                String name = VietnameseNames.clean(r.fullName());
                chunk.append(r.villageCode()).append('\t').append(r.householdNo()).append('\t')
                        .append(escape(name)).append('\t').append(VietnameseNames.searchKey(name)).append('\t')
                        .append(r.sex()).append('\t').append(r.birthDate()).append('\t').append(r.personalId())
                        .append('\t').append(r.householdRepresentative() ? 't' : 'f').append('\t').append(source)
                        .append('\n');
                if (++inChunk == CHUNK) {
                    total += copy(copy, chunk);
                    chunk.setLength(0);
                    inChunk = 0;
                    progress.accept(total);
                }
            }
            if (inChunk > 0) {
                total += copy(copy, chunk);
                progress.accept(total);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into resident failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        audit.record("RESIDENTS_LOADED", "resident", null, null, Map.of("rows", total, "source", source));
        return total;
    }

    /** Households of a village that have a representative in the register. */
    @Transactional(readOnly = true)
    public int representatives(String villageCode) {
        return jdbc.sql("select count(*) from resident where village_code = :v and household_representative")
                .param("v", villageCode).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public long representatives(java.util.Collection<String> villageCodes) {
        return jdbc.sql("select count(*) from resident where household_representative and village_code in (:codes)")
                .param("codes", villageCodes).query(Long.class).single();
    }

    private static long copy(org.postgresql.copy.CopyManager copy, StringBuilder chunk) throws SQLException {
        try {
            return copy.copyIn("""
                    copy resident (village_code, household_no, full_name, search_key, sex, birth_date, personal_id,
                                   household_representative, source) from stdin""", new StringReader(chunk.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
}
