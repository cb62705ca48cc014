package io.cachet.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;

import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.CreateComponent;
import io.cachet.component.CreateComponentGroup;
import io.cachet.component.UpdateComponent;
import io.cachet.component.UpdateComponentGroup;
import io.cachet.shared.ListQuery;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Components and component groups: lists, create, edit, delete and order.
 */
@Controller
@RequestMapping("/dashboard/components")
class ComponentsController {

	private final ComponentService components;

	private final ComponentOrdering ordering;

	ComponentsController(ComponentService components, ComponentOrdering ordering) {
		this.components = components;
		this.ordering = ordering;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("components", allComponents());
		model.addAttribute("groups", allGroups());
		return "dashboard/components";
	}

	@GetMapping("/create")
	String createForm(Model model) {
		model.addAttribute("form", ComponentForm.empty());
		return componentForm(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ComponentForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return componentForm(model, null);
		}
		ComponentView created = this.components
			.createComponent(new CreateComponent(Objects.requireNonNull(form.name()).strip(), form.description(),
					form.link(), ComponentStatus.of(form.status()), form.order(), form.groupId(), form.isEnabled(),
					null, form.tagList()));
		redirect.addFlashAttribute("message", "Component " + created.name() + " created.");
		return "redirect:/dashboard/components";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", ComponentForm.of(this.components.getComponent(id)));
		return componentForm(model, id);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ComponentForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		this.components.getComponent(id);
		if (errors.hasErrors()) {
			return componentForm(model, id);
		}
		this.components.updateComponent(id,
				new UpdateComponent(Objects.requireNonNull(form.name()).strip(),
						Objects.requireNonNullElse(form.description(), ""), Objects.requireNonNullElse(form.link(), ""),
						ComponentStatus.of(form.status()), form.order(), form.groupId(), form.isEnabled(), null,
						form.tagList(), false));
		redirect.addFlashAttribute("message", "Component " + form.name() + " saved.");
		return "redirect:/dashboard/components";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.components.deleteComponent(id);
		redirect.addFlashAttribute("message", "Component deleted.");
		return "redirect:/dashboard/components";
	}

	/**
	 * The new order after a drag (or the up/down buttons): component ids, first to last.
	 */
	@PostMapping("/order")
	String order(@RequestParam List<Long> ids, RedirectAttributes redirect) {
		this.ordering.orderComponents(ids);
		redirect.addFlashAttribute("message", "Order saved.");
		return "redirect:/dashboard/components";
	}

	@GetMapping("/groups/create")
	String createGroupForm(Model model) {
		model.addAttribute("form", GroupForm.empty());
		model.addAttribute("groupId", null);
		return "dashboard/group-form";
	}

	@PostMapping("/groups")
	String createGroup(@Valid @ModelAttribute("form") GroupForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("groupId", null);
			return "dashboard/group-form";
		}
		this.components.createGroup(new CreateComponentGroup(Objects.requireNonNull(form.name()).strip(), form.order(),
				form.collapsed(), form.visible()));
		redirect.addFlashAttribute("message", "Group " + form.name() + " created.");
		return "redirect:/dashboard/components";
	}

	@GetMapping("/groups/{id}/edit")
	String editGroupForm(@PathVariable long id, Model model) {
		model.addAttribute("form", GroupForm.of(this.components.getGroup(id)));
		model.addAttribute("groupId", id);
		return "dashboard/group-form";
	}

	@PostMapping("/groups/{id}")
	String updateGroup(@PathVariable long id, @Valid @ModelAttribute("form") GroupForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		this.components.getGroup(id);
		if (errors.hasErrors()) {
			model.addAttribute("groupId", id);
			return "dashboard/group-form";
		}
		this.components.updateGroup(id, new UpdateComponentGroup(Objects.requireNonNull(form.name()).strip(),
				form.order(), form.collapsed(), form.visible()));
		redirect.addFlashAttribute("message", "Group " + form.name() + " saved.");
		return "redirect:/dashboard/components";
	}

	@PostMapping("/groups/{id}/delete")
	String deleteGroup(@PathVariable long id, RedirectAttributes redirect) {
		this.components.deleteGroup(id);
		redirect.addFlashAttribute("message", "Group deleted.");
		return "redirect:/dashboard/components";
	}

	private String componentForm(Model model, Long id) {
		model.addAttribute("componentId", id);
		model.addAttribute("groups", allGroups());
		model.addAttribute("statuses", ComponentStatus.values());
		return "dashboard/component-form";
	}

	private List<ComponentView> allComponents() {
		return this.components.findComponents(ListQuery.all(), List.of(), false)
			.items()
			.stream()
			.sorted(Comparator.comparingLong(ComponentView::groupId)
				.thenComparingInt(ComponentView::order)
				.thenComparingLong(ComponentView::id))
			.toList();
	}

	private List<ComponentGroupView> allGroups() {
		return this.components.findGroups(ListQuery.all(), false)
			.items()
			.stream()
			.sorted(Comparator.comparingInt(ComponentGroupView::order).thenComparingLong(ComponentGroupView::id))
			.toList();
	}

}
