package cn.jiaoyun.core.identity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlatformAccountRepository extends CrudRepository<PlatformAccount, Long> {

    Optional<PlatformAccount> findByUsername(String username);
}
