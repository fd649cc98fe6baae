package cn.jiaoyun.core.bureau;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BureauRepository extends CrudRepository<Bureau, String> {

    List<Bureau> findAllOrderById();

    List<Bureau> findByStatusOrderById(String status);
}
