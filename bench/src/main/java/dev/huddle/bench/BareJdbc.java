package dev.huddle.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** The no-op floor: a JVM that opens one JDBC connection, runs {@code select 1} and exits. Arguments: URL, user (or -). */
public final class BareJdbc {
    private BareJdbc() {
    }

    public static void main(String[] args) throws Exception {
        String user = args[1].equals("-") ? null : args[1];
        try (Connection connection = DriverManager.getConnection(args[0], user, null);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            System.out.println(result.getInt(1));
        }
    }
}
