package io.cachet.user.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends ListCrudRepository<User, Long> {

	Optional<User> findByApiKeyHash(String apiKeyHash);

	/**
	 * @param login a username (compared case-insensitively) or an e-mail address
	 * @return every user it names: more than one only in data from before usernames and
	 * e-mail addresses were kept apart (or imported from elsewhere)
	 */
	@Query("SELECT * FROM users WHERE LOWER(username) = LOWER(:login) OR email = LOWER(:login)")
	List<User> findAllByLogin(@Param("login") String login);

	/**
	 * @return the user this login names: the one whose username it is, before one whose
	 * e-mail address it is
	 */
	default Optional<User> findByLogin(String login) {
		List<User> found = findAllByLogin(login);
		return found.stream()
			.filter((user) -> user.getUsername().equalsIgnoreCase(login))
			.findFirst()
			.or(() -> found.stream().findFirst());
	}

	@Query("SELECT COUNT(*) FROM users WHERE LOWER(username) = LOWER(:username) AND id <> :id")
	long countOtherUsersByUsernameIgnoringCase(@Param("username") String username, @Param("id") long id);

	@Query("SELECT COUNT(*) FROM users WHERE email = :email AND id <> :id")
	long countOtherUsersByEmail(@Param("email") String email, @Param("id") long id);

	@Query("SELECT COUNT(*) FROM users WHERE LOWER(username) = LOWER(:username)")
	long countByUsernameIgnoringCase(@Param("username") String username);

	/**
	 * Spends a TOTP time step, once: two requests with the same code cannot both succeed.
	 * @return 1 when the step was later than the last one accepted, else 0
	 */
	@Modifying
	@Query("UPDATE users SET totp_last_step = :step WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)")
	int acceptTotpStep(@Param("id") long id, @Param("step") long step);

	boolean existsByEmail(String email);

	boolean existsByApiKeyHash(String apiKeyHash);

}
