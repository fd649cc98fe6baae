package cn.jiaoyun.core.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/** bcrypt password hashes. The cost is configurable so that tests need not pay production's. */
@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 8;

    /** bcrypt reads 72 bytes; longer passwords (Chinese ones reach that fast) are cut there, not refused. */
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final int cost;
    /** Compared against when an account does not exist, so that timing does not reveal it. */
    private final String dummyHash;

    public PasswordHasher(@Value("${jiaoyun.auth.bcrypt-cost:12}") int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password");
    }

    public String hash(String password) {
        return BCrypt.with(VERSION, LongPasswordStrategies.truncate(VERSION)).hashToString(cost, password.toCharArray());
    }

    /** True when {@code password} matches {@code hash}; a null hash costs the same time and fails. */
    public boolean matches(String password, String hash) {
        byte[] candidate = password.getBytes(StandardCharsets.UTF_8);
        boolean ok = BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION)).verify(candidate, (hash == null ? dummyHash : hash)
                .getBytes(StandardCharsets.UTF_8)).verified;
        return hash != null && ok;
    }
}
