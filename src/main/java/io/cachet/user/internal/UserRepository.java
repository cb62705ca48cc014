package io.cachet.user.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends ListCrudRepository<User, Long> {

	Optional<User> findByApiKeyHash(String apiKeyHash);

	/**
	 * @param login a username (compared case-insensitively) or an e-mail address
	 */
	@Query("SELECT * FROM users WHERE LOWER(username) = LOWER(:login) OR email = LOWER(:login)")
	Optional<User> findByLogin(@Param("login") String login);

	@Query("SELECT COUNT(*) FROM users WHERE LOWER(username) = LOWER(:username)")
	long countByUsernameIgnoringCase(@Param("username") String username);

	boolean existsByEmail(String email);

	boolean existsByApiKeyHash(String apiKeyHash);

}
