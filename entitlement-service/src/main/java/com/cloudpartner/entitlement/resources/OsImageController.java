package com.cloudpartner.entitlement.resources;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.common.ProblemResponses;
import com.cloudpartner.entitlement.provider.CloudProvider;
import com.cloudpartner.entitlement.provider.OsImage;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public OS images the provider boots servers from: what a server's {@code image} may
 * name besides the customer's own images. Like the catalog, every verified token reads
 * them.
 */
@ProblemResponses
@RestController
@Tag(name = "Resources")
class OsImageController {

	private final CloudProvider provider;

	OsImageController(CloudProvider provider) {
		this.provider = provider;
	}

	@GetMapping("/v1/os-images")
	@Operation(summary = "The public OS images servers can be created from, by id",
			description = "Any verified token (partner, console, operator). A server's image names the id; "
					+ "the customer's own images (GET .../images) can be named too.")
	@ApiResponse(responseCode = "200", description = "A page of images",
			content = @Content(schema = @Schema(implementation = OsImageList.class), examples = @ExampleObject(
					value = """
							{"osImages": [
							  {"name": "os-images/debian-12", "id": "debian-12", "displayName": "Debian 12", "osFamily": "LINUX"},
							  {"name": "os-images/ubuntu-24.04", "id": "ubuntu-24.04", "displayName": "Ubuntu 24.04 LTS",
							   "osFamily": "LINUX"}],
							 "nextPageToken": ""}
							""")))
	OsImageList list(VerifiedToken token,
			@Parameter(description = "1 to 500, default 50") @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		var page = PageRequest.of(pageSize, pageToken, 1).slice(this.provider.osImages(), OsImage::id);
		return new OsImageList(page.items().stream().map(OsImageView::of).toList(), page.nextPageToken());
	}

	@GetMapping("/v1/os-images/{imageId}")
	@Operation(summary = "One public OS image")
	@ApiResponse(responseCode = "200", description = "The image",
			content = @Content(schema = @Schema(implementation = OsImageView.class), examples = @ExampleObject(
					value = """
							{"name": "os-images/ubuntu-24.04", "id": "ubuntu-24.04", "displayName": "Ubuntu 24.04 LTS", "osFamily": "LINUX"}
							""")))
	OsImageView get(VerifiedToken token, @PathVariable String imageId) {
		return this.provider.osImages()
			.stream()
			.filter((image) -> image.id().equals(imageId))
			.findFirst()
			.map(OsImageView::of)
			.orElseThrow(() -> ApiProblem.notFound("OS_IMAGE_NOT_FOUND", "There is no os-images/" + imageId + "."));
	}

	/**
	 * A public OS image.
	 *
	 * @param name {@code os-images/{id}}
	 * @param id what a server's {@code image} names
	 * @param displayName for people
	 * @param osFamily LINUX or WINDOWS
	 */
	record OsImageView(String name, String id, String displayName, String osFamily) {

		static OsImageView of(OsImage image) {
			return new OsImageView("os-images/" + image.id(), image.id(), image.displayName(), image.osFamily());
		}

	}

	/**
	 * A page of images, by id.
	 *
	 * @param osImages the images
	 * @param nextPageToken the next page's token, empty on the last
	 */
	record OsImageList(List<OsImageView> osImages, String nextPageToken) {

	}

}
