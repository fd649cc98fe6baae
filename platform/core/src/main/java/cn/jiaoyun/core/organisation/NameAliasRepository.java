package cn.jiaoyun.core.organisation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Aliases of the transaction's bureau. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NameAliasRepository extends CrudRepository<NameAlias, Long> {

    List<NameAlias> findByTenantId(String tenantId);

    List<NameAlias> findByTenantIdAndKind(String tenantId, String kind);

    Optional<NameAlias> findByTenantIdAndId(String tenantId, Long id);

    Optional<NameAlias> findByTenantIdAndKindAndNameKey(String tenantId, String kind, String nameKey);
}
