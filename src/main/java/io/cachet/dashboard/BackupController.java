package io.cachet.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import io.cachet.backup.BackupService;
import io.cachet.backup.InvalidBackupException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Backup and restore from the dashboard (admins only, as every settings page): the
 * download streams the whole page as JSON; the upload imports a backup into an empty
 * install and then signs the admin out, as the users now are those of the backup.
 */
@Controller
class BackupController {

	private final BackupService backups;

	BackupController(BackupService backups) {
		this.backups = backups;
	}

	@GetMapping("/dashboard/settings/backup")
	String show(Model model) {
		return view(model, null);
	}

	@GetMapping("/dashboard/settings/backup/download")
	void download(HttpServletResponse response) throws IOException {
		response.setContentType("application/json");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"cachet-backup-" + LocalDate.now(ZoneOffset.UTC) + ".json\"");
		this.backups.export(response.getOutputStream());
	}

	@PostMapping("/dashboard/settings/backup")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletRequest request) throws IOException {
		if (file == null || file.isEmpty()) {
			return view(model, "Choose a backup file to import.");
		}
		try (InputStream in = file.getInputStream()) {
			this.backups.importBackup(in);
		}
		catch (InvalidBackupException ex) {
			return view(model, ex.getMessage());
		}
		SecurityContextHolder.clearContext();
		request.getSession().invalidate();
		return "redirect:/auth/login?restored";
	}

	private String view(Model model, @Nullable String error) {
		model.addAttribute("sections", SettingsSection.values());
		model.addAttribute("empty", this.backups.isEmptyInstall());
		model.addAttribute("error", error);
		return "dashboard/backup";
	}

}
