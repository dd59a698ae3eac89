package vn.baucu.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Run in a child JVM by {@link EmbeddedDefaultIT}: starts the embedded default, commits a row, waits to be killed. */
final class EmbeddedServerChild {

    private EmbeddedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgresConfig.start(Path.of(args[0]));
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (id serial primary key, note text)");
            c.createStatement().execute("insert into kept (note) values ('committed before the kill')");
        }
        System.out.println("READY " + pg.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
