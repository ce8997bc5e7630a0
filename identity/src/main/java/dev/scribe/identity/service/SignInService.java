package dev.scribe.identity.service;

import dev.scribe.identity.domain.UserAccount;
import dev.scribe.identity.domain.UserAccountRepository;
import dev.scribe.identity.service.UserTokenSigner.SignedToken;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Checks a user's password and issues a user access token. */
@Service
public class SignInService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final UserTokenSigner signer;
    private final MeterRegistry meters;

    /**
     * Hash compared when the account does not exist, so that a sign-in with an unknown id takes as
     * long as one with a wrong password.
     */
    private final String unknownAccountHash;

    public SignInService(
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            UserTokenSigner signer,
            MeterRegistry meters) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.signer = signer;
        this.meters = meters;
        this.unknownAccountHash = passwordEncoder.encode("no account has this password");
    }

    /**
     * Returns a token for the account {@code userId} when {@code password} matches its hash.
     *
     * @throws InvalidCredentialsException when the account is unknown or inactive or the password
     *     does not match; its message names the cause for logs only
     */
    public SignedToken signIn(String userId, String password) throws InvalidCredentialsException {
        Optional<UserAccount> account = accounts.findById(userId);
        String hash = account.map(UserAccount::passwordHash).orElse(unknownAccountHash);
        boolean matches = passwordEncoder.matches(password, hash);

        if (account.isEmpty()) {
            countFailure("unknown_account");
            throw new InvalidCredentialsException("unknown account");
        }
        if (!matches) {
            countFailure("wrong_password");
            throw new InvalidCredentialsException("wrong password");
        }
        if (!account.get().active()) {
            countFailure("inactive_account");
            throw new InvalidCredentialsException("inactive account");
        }
        meters.counter("identity.sign_ins", "result", "success").increment();
        return signer.sign(account.get());
    }

    private void countFailure(String reason) {
        meters.counter("identity.sign_ins", "result", reason).increment();
    }
}
